"""Development corpus: rendered, labelled Belgian administrative letters (issue 4)."""
