"""Views of the news app: article tools, and feeds, sitemap and robots.txt."""
