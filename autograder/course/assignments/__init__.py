"""One package per graded assignment; the folder name is the nbgrader assignment id.

See autograder.course.registry for what a package declares. Adding an assignment means adding its
package here, its notebook in source/<id>/ and its public checks in dlutils/checks/.
"""
