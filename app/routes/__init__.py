"""HTTP routes: thin wrappers that parse a request, call a service and shape the reply."""
