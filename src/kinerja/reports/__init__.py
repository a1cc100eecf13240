"""Reports agencies sign and publish: plain report data → PDF, DOCX, XLSX."""
