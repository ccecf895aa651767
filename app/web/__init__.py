"""The service's own HTML pages: a paste box, article reader, entity pages and a dashboard."""
