// Shared with the renderer, which shows what a connection test found.
export * from '../../../shared/domain/scopes';
