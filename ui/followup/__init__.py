"""The follow-up section: each user's work of the closed loop (执行情况, action items, 随访) and the
secretary's list of follow-ups due in a period, with the dialogs that record them."""
