"""The site's languages: their configuration and alternates, the build's words in each
language, the other languages' build processes and the one shared copy of the theme.
"""
