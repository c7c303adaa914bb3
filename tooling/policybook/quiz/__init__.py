"""Quiz banks in the quizdown dialect, with stable ids, explanations and cited provisions."""
