"""Sanitizing step for autograding: drop nbgrader metadata that names no cell.

nbgrader's DeduplicateIds empties the nbgrader metadata of every duplicate of a grade id, and a
student can add a cell with nbgrader metadata but no ``grade_id``; either makes OverwriteCells
fail with a KeyError and the whole submission goes ungraded. Such a cell is the student's own
code, so it loses the metadata and stays in the notebook. Runs between DeduplicateIds and
OverwriteCells (see autograder.nbgrader_settings).
"""
from nbgrader.preprocessors import NbGraderPreprocessor


class DropOrphanNbgraderMetadata(NbGraderPreprocessor):
    def preprocess_cell(self, cell, resources, index):
        meta = cell.metadata.get("nbgrader")
        if meta is not None and not (isinstance(meta, dict) and meta.get("grade_id")):
            del cell.metadata["nbgrader"]
        return cell, resources
