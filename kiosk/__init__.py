"""The Textual kiosk UI: the only package that imports Textual. All work goes through nextstep."""
