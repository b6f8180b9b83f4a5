import { buildPeriod, type ParsedPeriod, type PeriodParts } from './period.ts'

/**
 * Applies what the user said later (an answer to "od kada?" or an inline edit such as "od 10h"
 * while confirming) on top of a period collected earlier. Parts in `update` win; a new single
 * day ("u petak") moves the end date with it; everything else is kept from `base`.
 */
export function mergePeriod(base: PeriodParts | undefined, update: PeriodParts): ParsedPeriod {
  if (!base) return buildPeriod(update)
  const newSingleDay = update.singleDay && update.startDate !== undefined && update.endDate === undefined
  const startDate = update.startDate ?? base.startDate
  const endDate = newSingleDay ? update.startDate : (update.endDate ?? base.endDate)
  const updatesTimes = update.startTime !== undefined || update.endTime !== undefined
  return buildPeriod({
    startDate,
    startTime: update.startTime ?? base.startTime,
    endDate,
    endTime: update.endTime ?? base.endTime,
    singleDay:
      update.endDate !== undefined || base.endDate !== undefined ? endDate === startDate : base.singleDay,
    dayPart: update.dayPart ?? base.dayPart,
    timesFromDayPart: updatesTimes ? update.timesFromDayPart : base.timesFromDayPart,
  })
}
