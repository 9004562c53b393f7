"""The grading record (``autograder.nbgrader_ext.sandboxed_grading`` writes one beside each autograded
notebook): its file name, and the words in it that its readers (resuming a run, the class report)
depend on. Light to import: the report reads records without loading nbgrader."""

RECORD = "grading-record.json"
RAN_OUT_OF_TIME = "it ran out of time"   # why a notebook that hit its time limit as a whole was not judged
