"""Digital Rights Monitor: a newsroom and observatory for digital rights."""
