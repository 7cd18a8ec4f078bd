/** The names of the notification jobs, in one place so producers and handlers agree. */
export const routeJobName = "alert.route";
export const escalateJobName = "alert.escalate";
export const deliverJobName = "notification.deliver";
export const digestJobName = "notification.digest";
