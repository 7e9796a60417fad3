"""Printing without Qt: pypdfium2 draws the pages (signature stamps included), CUPS prints them.

QtPdf's renderer leaves signature boxes empty, and so does pdfium unless its form environment is set up
(`init_forms()`): everything here renders or flattens with forms on, so every stamp reaches the paper.
"""
