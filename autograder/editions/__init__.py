"""The course in other languages: the notebooks' translations and the editions generated from them
(``translations``) and the gettext catalogue of the learner-facing messages (``messages``)."""
