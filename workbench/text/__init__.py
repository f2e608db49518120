"""Pure text handling: normalisation, clean-up of PDF-extracted text, sentence segmentation."""
