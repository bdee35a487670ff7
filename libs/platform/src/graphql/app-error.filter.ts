import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { AppError } from '../errors';

/**
 * Typed errors are answers, not incidents: hand them to GraphQL (formatGraphQLError gives them
 * their contract code) without Nest logging a stack trace for every refused or invalid request.
 */
@Catch(AppError)
export class AppErrorFilter implements GqlExceptionFilter {
  catch(error: AppError): AppError {
    return error;
  }
}
