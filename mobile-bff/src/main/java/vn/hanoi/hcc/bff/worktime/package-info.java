/**
 * The Center's working time: working days and hours in Asia/Ho_Chi_Minh, less weekends and public
 * holidays. Forecasts, reminders and the points' records count in it, as the law counts a
 * procedure's time limit in working days.
 */
package vn.hanoi.hcc.bff.worktime;
