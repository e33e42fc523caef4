import { describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../../../src/main/rpc/events';

describe('event bus', () => {
  it('delivers valid events to every subscriber until they unsubscribe', () => {
    const bus = createEventBus();
    const a = vi.fn();
    const b = vi.fn();
    const offA = bus.subscribe(a);
    bus.subscribe(b);
    bus.emit('project.changed', { tables: ['graves'], editId: null });
    offA();
    bus.emit('project.changed', { tables: [], editId: 3 });
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    expect(b).toHaveBeenLastCalledWith('project.changed', { tables: [], editId: 3 });
    expect(bus.listenerCount).toBe(1);
  });

  it('drops and logs payloads that break the contract, and survives a throwing listener', () => {
    const log = vi.fn();
    const bus = createEventBus({ log });
    const got = vi.fn();
    bus.subscribe(() => {
      throw new Error('boom');
    });
    bus.subscribe(got);
    bus.emit('project.changed', { tables: ['not_a_table'], editId: null } as never);
    expect(got).not.toHaveBeenCalled();
    bus.emit('nope' as never, {} as never);
    expect(got).not.toHaveBeenCalled();
    bus.emit('project.changed', { tables: [], editId: null });
    expect(got).toHaveBeenCalledOnce();
    expect(log).toHaveBeenCalledTimes(3);
  });
});
