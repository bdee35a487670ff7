import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { readOrCreateLocalSecret } from './local-secret';
import { NOTE_CIPHER, NoteCipher } from './note-cipher';
import { randomBytes } from 'node:crypto';

/** NOTES_KEY in production (required); in development one generated into DATA_DIR. */
export function notesKey(config: AppConfig): Buffer {
  const text = config.notesKey ?? readOrCreateLocalSecret(config.dataDir, 'notes-key', () => randomBytes(32).toString('base64'));
  return Buffer.from(text, 'base64');
}

@Global()
@Module({
  providers: [
    { provide: NOTE_CIPHER, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new NoteCipher(notesKey(config)) },
  ],
  exports: [NOTE_CIPHER],
})
export class CryptoModule {}
