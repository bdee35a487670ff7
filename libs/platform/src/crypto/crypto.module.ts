import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FIELD_CIPHER, FieldCipher } from './field-cipher';
import { notesKeyRing } from './keys';
import { NOTE_CIPHER, NoteCipher } from './note-cipher';

export { auditKey, notesKey, notesKeyRing } from './keys';

@Global()
@Module({
  providers: [
    {
      provide: NOTE_CIPHER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const [key, ...previous] = notesKeyRing(config);
        return new NoteCipher(key, ...previous);
      },
    },
    { provide: FIELD_CIPHER, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new FieldCipher(notesKeyRing(config)) },
  ],
  exports: [NOTE_CIPHER, FIELD_CIPHER],
})
export class CryptoModule {}
