"""Printed material: handouts, trainer packs, certificates, the PDF engine and its bundled fonts (fonts/)."""
