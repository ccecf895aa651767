"""Services: ingest (parse -> persist -> commit -> reply) and queries; routes stay thin around them."""
