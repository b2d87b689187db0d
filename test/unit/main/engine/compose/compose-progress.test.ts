import { describe, expect, it } from 'vitest';
import { ErrorLines, parseProgress, serviceOf } from '../../../../../main/engine/compose-progress';

const ctx = { project: 'shop', services: ['web', 'db', 'my_app'] };
const step = (line: string) => {
  const p = parseProgress(line, ctx);
  return p ? [p.resource, p.name, p.step, p.state] : undefined;
};

describe('parseProgress: docker-compose v1', () => {
  it.each([
    [
      'Creating network "shop_default" with the default driver',
      ['network', 'shop_default', 'created', 'done'],
    ],
    ['Creating volume "shop_data" with default driver', ['volume', 'shop_data', 'created', 'done']],
    ['Pulling web (nginx:1.27)...', ['service', 'web', 'pulling', 'working']],
    ['Creating shop_db_1 ... ', ['service', 'db', 'creating', 'working']],
    ['Creating shop_db_1  ... done', ['service', 'db', 'created', 'done']],
    ['Recreating shop_web_1 ... done', ['service', 'web', 'recreated', 'done']],
    ['Creating shop_my_app_2 ... error', ['service', 'my_app', 'creating', 'error']],
    ['Stopping shop_web_1 ... done', ['service', 'web', 'stopped', 'done']],
    ['Removing network shop_default', ['network', 'shop_default', 'removed', 'done']],
    ['shop_db_1 is up-to-date', ['service', 'db', 'up-to-date', 'done']],
    [
      'ERROR: for shop_web_1  Cannot start service web: port is already allocated',
      ['service', 'web', 'failed', 'error'],
    ],
    [
      'ERROR: for web  Cannot start service web: port is already allocated',
      ['service', 'web', 'failed', 'error'],
    ],
  ])('%s', (line, expected) => expect(step(line)).toEqual(expected));
});

describe('parseProgress: docker compose v2', () => {
  it.each([
    [' Network shop_default  Creating', ['network', 'shop_default', 'creating', 'working']],
    [' Network shop_default  Created', ['network', 'shop_default', 'created', 'done']],
    [' Volume "shop_data"  Created', ['volume', 'shop_data', 'created', 'done']],
    [' Container shop-db-1  Starting', ['service', 'db', 'starting', 'working']],
    [' Container shop-db-1  Started', ['service', 'db', 'started', 'done']],
    [' Container shop-my_app-1  Healthy', ['service', 'my_app', 'healthy', 'done']],
    [' web Pulling ', ['service', 'web', 'pulling', 'working']],
    [' web Error ', ['service', 'web', 'error', 'error']],
  ])('%s', (line, expected) => expect(step(line)).toEqual(expected));

  it('leaves other lines alone', () => {
    expect(step('Get "https://nosuch.invalid/v2/": dial tcp: no such host')).toBeUndefined();
    expect(step('Creating other_web_1 ... done')).toBeUndefined();
    expect(step(' unknown Pulling')).toBeUndefined();
  });
});

describe('progress units', () => {
  it('names the container a step is about, so a scaled service is followed per container', () => {
    expect(parseProgress('Creating shop_db_2 ... done', ctx)?.unit).toBe('shop_db_2');
    expect(parseProgress(' Container shop-db-2  Started', ctx)?.unit).toBe('shop-db-2');
    expect(parseProgress('Pulling web (x)...', ctx)?.unit).toBe('web');
  });
});

describe('serviceOf', () => {
  it('cuts the project and the number, exactly when the services are known', () => {
    expect(serviceOf('shop_web_12', ctx)).toBe('web');
    expect(serviceOf('shop-my_app-1', { project: 'shop', services: [] })).toBe('my_app');
    expect(serviceOf('shop_nope_1', ctx)).toBeUndefined();
    expect(serviceOf('web', ctx)).toBeUndefined();
  });
});

describe('ErrorLines', () => {
  it('keeps the explanation, not the steps or warnings', () => {
    const e = new ErrorLines();
    e.push('Creating network "x_default" with the default driver', true);
    e.push('WARNING: Found orphan containers', false);
    e.push('Pulling web (nosuch/image:1)...', true);
    e.push('Get "https://nosuch/v2/": no such host', false);
    e.push('ERROR: for web  Cannot start service web: boom', true);
    expect(e.text()).toBe(
      'Get "https://nosuch/v2/": no such host\nERROR: for web  Cannot start service web: boom',
    );
    expect(new ErrorLines().text()).toBeNull();
  });
});
