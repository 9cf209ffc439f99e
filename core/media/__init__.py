"""Files people upload or receive: images and their renditions, upload checks, video, PDFs, QR codes, private files."""
