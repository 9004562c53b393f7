"""The batch run of ``dlcourse grade``: the run itself (``grading``), the trusted side that
prepares and judges each submission with nbgrader (``coordinator``), the Dask cluster the
sandboxed jobs run on (``cluster``), the grader's records of its runs and the lock (``runs``), the
progress line (``progress``), vetting submissions (``submissions``) and checking what the
instructor gave (``options``)."""
