"""The kiosk's screens, one module per part of a visit."""
