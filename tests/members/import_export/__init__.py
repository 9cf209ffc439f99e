"""Import of cities and officers (CSV, XLSX): preview, then all rows or none. The roster export: staff only,
logged."""
