/** The data dir ({@code --data-dir}): how callemu writes the certificates, keys and files it keeps there. */
package io.callemu.emulator.platform.datadir;
