/** Tests that the user documentation (README, docs/) matches what callemu serves. */
package io.callemu.emulator.docs;
