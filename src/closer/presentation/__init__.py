"""Records drawn for people to read: the SVG charts and the counsellor report.

Used by the web pages and the CLI alike. It may import the domain (and
libraries for drawing and printing: MarkupSafe, Jinja2, WeasyPrint), never
storage, services or an entry point; a test holds the arrows
(``tests/unit/test_layers.py``).
"""
