"""Leaf library for capture: cameras, SANE flatbeds, files and the demo samples, plus page
processing (find, straighten, clean) and the quality gate. Never imports nextstep or kiosk."""
