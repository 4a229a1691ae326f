/** The answer to every command (DESIGN section 8). */
export interface CommandResult {
  id: string;
  streamId: string;
  revision: number;
  position: number;
  eventIds: string[];
}
