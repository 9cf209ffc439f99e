"""The bottom layer: helpers every app uses (languages, images, uploads, Chinese conversion, PDFs, QR codes,
spreadsheets, pagination, admin helpers, the search engine). It names no domain model; apps register with it."""
