"""Coffee Room: informal peer support for GPs, the domain and its assembly."""
