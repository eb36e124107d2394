"""How often each page is read, counted by the site itself: one counter per page per day.

No cookie, no address, no third party: a page's beacon adds one to today's counter for that
page, and nothing else about the reader is kept. The front page's "Most read" and the desk's
"Most read today" read the counters (`counting.most_read`).
"""
