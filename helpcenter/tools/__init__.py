"""The reader's tools, as reference functions: the cost estimate (twin of estimator.js)
and the pasted-error matcher (twin of error-match.js).
"""
