// Every /api request names its actor with a bearer token; the actor goes on every audit row.
import type { RequestHandler, Response } from 'express';
import { hashToken } from '../db/api-users.js';
import type { Db } from '../db/client.js';
import { Problem } from './problem.js';

export function requireActor(db: Db): RequestHandler {
  return async (req, res, next) => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1];
    if (!token) throw new Problem(401, 'send Authorization: Bearer <token>');
    const user = await db.apiUser.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!user) throw new Problem(401, 'the bearer token is not valid');
    res.locals.actor = user.id;
    next();
  };
}

export function actorOf(res: Response): string {
  return res.locals.actor as string;
}
