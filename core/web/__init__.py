"""The request's way through the portal: middleware, the page cache, security headers and log, errors,
health, metrics, throttles, sitemaps, navigation."""
