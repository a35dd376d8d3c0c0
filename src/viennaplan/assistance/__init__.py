"""Technical assistance (issue 13): requests from States to delivery, projects, and (in the sub-apps)
the voluntary contributions and funds that pay for it (`assistance.resources`) and the plan's meetings
(`assistance.events`)."""
