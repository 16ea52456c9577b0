/**
 * Running a plan: the callemu it runs against (embedded or a target URL), the calls it offers, the
 * journal it reads, and on the virtual clock the moving of time whenever every call waits on it.
 */
package io.callemu.appbench.run;
