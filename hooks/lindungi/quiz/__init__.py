"""Quizzes: the question banks, their on-screen and paper rendering, Moodle/GIFT export, the trainers' quiz pages,
scoring workbooks, SCORM packages and the question-type registry (qtypes/)."""
