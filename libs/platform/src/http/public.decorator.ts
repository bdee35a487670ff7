import { SetMetadata } from '@nestjs/common';

export const PUBLIC_KEY = 'opvangplek:public';

/** An HTTP endpoint anyone may call (health probes). GraphQL operations are never public. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
