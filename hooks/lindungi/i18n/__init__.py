"""The interface texts and messages in each language: the catalogues (id.yml, en.yml) and the modules that read them."""
