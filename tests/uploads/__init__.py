"""What users send in: uploaded files and request bodies."""
