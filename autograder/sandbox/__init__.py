"""Everything a worker needs to run one student's notebook, and nothing of the course: bubblewrap
(``bubblewrap``: what student code can see and do), the job a worker is sent and runs (``jobs``),
the runner that executes the cells in the sandbox (``kernel_runner``, copied into each job with the
two modules it imports), the one definition both sides share (``protocol``) and reading what
untrusted code wrote (``untrusted``). No nbgrader, no Dask, no gradebook, reference or hidden
input is imported here."""
