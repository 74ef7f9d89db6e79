"""Slack: Bolt listeners, Block Kit, the Web API messenger and directory."""
