"""The training content: the data model, loading modules, sessions, workshops, laws, regions and contacts from the
project folders, and the Markdown pages generated from them."""
