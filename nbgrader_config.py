# nbgrader configuration: the repo root is the course directory (source/, release/; submitted/,
# autograded/, feedback/ and gradebook.db are created here while grading and are git-ignored).
# The settings themselves live in autograder/nbgrader_ext/course_settings.py so throwaway workspaces share them.
import os

from autograder.nbgrader_ext.course_settings import configure

c = get_config()  # noqa: F821 (provided by nbgrader)
configure(c, os.path.dirname(os.path.abspath(__file__)))
