"""``dlcourse hub``: a JupyterHub on one machine, for a pilot of the course (README: "Running a class").

``pilot.py`` makes the hub's folder (the course, its exchange, the class's accounts, the users' homes and
settings) and configures JupyterHub from it; ``accounts.py`` is the class list students log in with.
"""
