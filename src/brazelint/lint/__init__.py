"""``brazelint lint``: every template rendered for every profile, and checked."""
